package io.edgeledger.probe.agent.runner;

import io.edgeledger.probe.agent.check.Sender;

/** A check's sender as the runner sees it: the run's samples are committed together when the run returns. */
public interface RunSender extends Sender {
    void commit(long epochSeconds);
}
