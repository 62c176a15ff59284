package io.parkwatch.console.notify;

/**
 * Phone numbers in one form (E.164, "+8613800000101") so that the number a provider reports a reply or a key press
 * from can be matched to the number written in the contacts file ("+86 138 0000 0101"). A number without a country
 * code is taken as Chinese.
 */
public final class PhoneNumber {

    private static final String DEFAULT_COUNTRY = "86";

    private PhoneNumber() {
    }

    /** The number with spaces, dashes and brackets dropped and its country code: "+86..." ; null stays null. */
    public static String normalize(String written) {
        if (written == null) {
            return null;
        }
        String digits = written.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+")) {
            return "+" + digits.substring(1).replace("+", "");
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        return "+" + DEFAULT_COUNTRY + digits;
    }

    /** A provider's "nationcode" and "mobile" as one number. */
    public static String of(String countryCode, String mobile) {
        String cc = countryCode == null || countryCode.isBlank() ? DEFAULT_COUNTRY : countryCode.replaceAll("\\D", "");
        String m = mobile == null ? "" : mobile.replaceAll("[^0-9+]", "");
        return m.startsWith("+") ? normalize(m) : "+" + cc + m;
    }

    /** For logs and pages: the last four digits only. */
    public static String masked(String number) {
        if (number == null || number.length() < 4) {
            return "****";
        }
        return "*".repeat(Math.min(7, number.length() - 4)) + number.substring(number.length() - 4);
    }
}
