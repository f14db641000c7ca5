package ingest

func readDOCX(data []byte) (string, error) { return "", nil }
func readODT(data []byte) (string, error)  { return "", nil }
