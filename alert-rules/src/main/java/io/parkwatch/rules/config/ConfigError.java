package io.parkwatch.rules.config;

/**
 * One problem in a configuration file, located precisely enough for a person to fix it.
 *
 * @param file   file name (or another source label)
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param field  the offending field as a path, e.g. {@code rules[2].high.alarm}
 * @param message what is wrong
 */
public record ConfigError(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
