package io.edgeledger.cdc.lambda;

/** An EventBridge "Scheduled Event" as Lambda receives it from a schedule rule. */
final class ScheduledEvents {
    private ScheduledEvents() {}

    static String json(String rule) {
        return """
                {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",\
                "source":"aws.events","account":"123456789012","time":"2026-12-01T22:00:00Z","region":"us-east-1",\
                "resources":["arn:aws:events:us-east-1:123456789012:rule/%s"],"detail":{}}""".formatted(rule);
    }
}
