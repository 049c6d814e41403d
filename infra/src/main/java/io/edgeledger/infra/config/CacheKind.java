package io.edgeledger.infra.config;

/** How Redis is provisioned: one small always-on node (cheapest at low load) or ElastiCache Serverless. */
public enum CacheKind {
    NODE("node"),
    SERVERLESS("serverless");

    private final String id;

    CacheKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
