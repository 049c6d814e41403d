package io.edgeledger.probe.agent.config;

import java.nio.file.Path;
import java.util.List;

/** One {@code conf.d/<name>.d/conf.yaml}: the check name, its {@code init_config} and its instances. */
public record CheckConfig(String name, Path file, ConfigNode initConfig, List<ConfigNode> instances) {}
