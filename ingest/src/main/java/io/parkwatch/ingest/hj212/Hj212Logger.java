package io.parkwatch.ingest.hj212;

import java.util.Map;

/**
 * A data logger speaking HJ 212, known by its MN.
 *
 * @param mn           the logger's unique number (MN)
 * @param enterpriseId the enterprise whose points it reports
 * @param passwordHash bcrypt hash of its PW
 * @param codes        pollutant or parameter code (a21028, a01001, ...) to point id
 */
public record Hj212Logger(String mn, String enterpriseId, String passwordHash, Map<String, String> codes) {
}
