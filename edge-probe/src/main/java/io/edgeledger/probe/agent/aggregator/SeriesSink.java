package io.edgeledger.probe.agent.aggregator;

/** Receives the values a metric produces at flush: a name suffix (e.g. {@code .max}), a series type and a value. */
@FunctionalInterface
interface SeriesSink {
    void emit(String nameSuffix, String type, double value);
}
