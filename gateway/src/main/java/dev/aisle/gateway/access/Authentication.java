package dev.aisle.gateway.access;

/**
 * The outcome of checking a request's credentials.
 *
 * @param outcome whether credentials were absent, wrong or accepted
 * @param caller the caller when accepted, otherwise null
 * @param scheme {@code Basic} or {@code ApiKey}: the scheme tried, null when absent
 */
record Authentication(Outcome outcome, Caller caller, String scheme) {

    enum Outcome { ABSENT, REJECTED, ACCEPTED }

    static final Authentication ABSENT = new Authentication(Outcome.ABSENT, null, null);

    static Authentication rejected(String scheme) {
        return new Authentication(Outcome.REJECTED, null, scheme);
    }

    static Authentication accepted(Caller caller, String scheme) {
        return new Authentication(Outcome.ACCEPTED, caller, scheme);
    }
}
