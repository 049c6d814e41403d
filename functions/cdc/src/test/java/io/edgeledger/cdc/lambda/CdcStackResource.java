package io.edgeledger.cdc.lambda;

import io.edgeledger.cdc.CdcStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** Starts Redis, S3 and the NEAR emulator for a @QuarkusTest and hands their settings to Quarkus config. */
public class CdcStackResource implements QuarkusTestResourceLifecycleManager {
    static CdcStack stack;

    @Override
    public Map<String, String> start() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "lambda");
        return new HashMap<>(stack.env);
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
