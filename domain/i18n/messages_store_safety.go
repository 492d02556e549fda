package i18n

// storeSafetyMessages are the words of the store's faults in words: SQLite errors, read-only files, interrupted restores, leftover temporary files, file modes.
var storeSafetyMessages = map[string]msg{}
