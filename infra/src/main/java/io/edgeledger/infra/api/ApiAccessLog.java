package io.edgeledger.infra.api;

import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * One JSON line per HTTP API request. Only context variables HTTP APIs support, and no headers: the probe
 * signature and operator bearer key travel in headers and must never reach a log.
 */
final class ApiAccessLog implements IAccessLogSettings {
    static final String FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"time\":\"$context.requestTime\",\"method\":\"$context.httpMethod\",\"path\":\"$context.path\","
            + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
            + "\"responseLength\":\"$context.responseLength\",\"latencyMs\":\"$context.responseLatency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\"}";

    private final ILogGroup logGroup;

    ApiAccessLog(ILogGroup logGroup) {
        this.logGroup = logGroup;
    }

    @Override
    public IAccessLogDestination getDestination() {
        return new LogGroupLogDestination(logGroup);
    }

    @Override
    public AccessLogFormat getFormat() {
        return AccessLogFormat.custom(FORMAT);
    }
}
