package io.edgeledger.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that speaks the raw Lambda event protocol to Quarkus' mock event server ({@code POST /_lambda_}), so
 * {@link BridgeRouting} leaves RestAssured pointed at that server instead of the local mode's bridge.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MockEventServer {}
