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

    /**
     * The number with spaces, dashes and brackets dropped and its country code ("+86..."), without China's trunk
     * prefix ("+86 0571 ..." is "+86571..."); null stays null.
     */
    public static String normalize(String written) {
        if (written == null) {
            return null;
        }
        String digits = written.replaceAll("[^0-9+]", "");
        String e164;
        if (digits.startsWith("+")) {
            e164 = "+" + digits.substring(1).replace("+", "");
        } else if (digits.startsWith("00")) {
            e164 = "+" + digits.substring(2);
        } else {
            e164 = "+" + DEFAULT_COUNTRY + digits;
        }
        return e164.startsWith("+860") ? "+86" + e164.substring(4) : e164;
    }

    /** A provider's "nationcode" and "mobile" as one number. */
    public static String of(String countryCode, String mobile) {
        String cc = countryCode == null || countryCode.isBlank() ? DEFAULT_COUNTRY : countryCode.replaceAll("\\D", "");
        String m = mobile == null ? "" : mobile.replaceAll("[^0-9+]", "");
        return normalize(m.startsWith("+") ? m : "+" + cc + m);
    }

    /** For logs and pages: the last four digits only. */
    public static String masked(String number) {
        if (number == null || number.length() < 4) {
            return "****";
        }
        return "*".repeat(Math.min(7, number.length() - 4)) + number.substring(number.length() - 4);
    }
}
