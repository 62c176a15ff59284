package io.parkwatch.console.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void theContactsFilesWayAndTheProvidersWayOfWritingANumberMeetInOneForm() {
        assertThat(PhoneNumber.normalize("+86 138 0000 0101")).isEqualTo("+8613800000101");
        assertThat(PhoneNumber.normalize("138-0000-0101")).isEqualTo("+8613800000101");
        assertThat(PhoneNumber.normalize("0086 138 0000 0101")).isEqualTo("+8613800000101");
        assertThat(PhoneNumber.of("86", "13800000101")).isEqualTo("+8613800000101");
        // a landline: China's trunk 0 is not part of the international number
        assertThat(PhoneNumber.normalize("+86 0571 8000 0100")).isEqualTo("+8657180000100");
        assertThat(PhoneNumber.normalize("0571-80000100")).isEqualTo("+8657180000100");
        assertThat(PhoneNumber.of("86", "057180000100")).isEqualTo("+8657180000100");
        assertThat(PhoneNumber.normalize("+852 9123 4567")).isEqualTo("+85291234567");
        assertThat(PhoneNumber.normalize(null)).isNull();
        assertThat(PhoneNumber.masked("+8613800000101")).isEqualTo("*******0101");
    }
}
