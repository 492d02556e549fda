package i18n

// outputPathMessages are the words of output paths that are refused: the database, its sidecars, a backup, the input file.
var outputPathMessages = map[string]msg{}
