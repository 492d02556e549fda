package i18n

// importLimitMessages are the words of reading files within limits: the import's cell, row, byte and row-count limits, unclosed quotes, mixed encodings.
var importLimitMessages = map[string]msg{}
