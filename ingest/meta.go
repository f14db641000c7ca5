package ingest

func DetectMunicipality(text string) string { return "" }
func DetectTitle(text string) string        { return "" }
