package io.edgeledger.infra.monitoring;

import java.util.Optional;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/** The SNS topic every alarm notifies; subscribe e-mail by config or anything else (PagerDuty, chat) by hand. */
public final class AlarmTopic extends Construct {
    private final Topic topic;

    public AlarmTopic(Construct scope, String id, String name, Optional<String> email) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic").topicName(name).displayName("EdgeLedger alarms").build();
        email.ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
    }

    public Topic topic() {
        return topic;
    }
}
