package io.edgeledger.redis;

/** Who we are to Redis: an RBAC user (null for the default user) and its password or AUTH token. */
public record RedisCredentials(String user, String password) {
    public static final RedisCredentials NONE = new RedisCredentials(null, null);

    public boolean present() {
        return password != null;
    }

    @Override
    public String toString() {
        return present() ? (user == null ? "" : user) + ":***" : "none";
    }
}
