/**
 * A Lambda Runtime API emulator: runs the function zips of a synthesized CDK template each in its own JVM under
 * AWS's runtime interface client, with the template's handler and environment plus only local endpoints, and feeds
 * them API Gateway HTTP API (payload 2.0) and EventBridge scheduled events. Used by {@code ./edgeledger up --lambda},
 * the template contract test (infra) and bench/lambda.
 */
package io.edgeledger.local.lambda;
