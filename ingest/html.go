package ingest

func readHTML(data []byte) (string, error) { return DecodeText(data) }
