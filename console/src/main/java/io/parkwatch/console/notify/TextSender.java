package io.parkwatch.console.notify;

/** Sends one text message outside the alert flow: a one-time code to the person who says they are answering. */
public interface TextSender {

    /**
     * @param phone the person's number as the contacts file writes it
     * @param code  the one-time code
     * @param text  the whole message, for a provider that sends free text
     */
    void sendCode(String phone, String code, String text) throws Exception;
}
