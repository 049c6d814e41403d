package io.edgeledger.probe.agent.checks.system;

import io.edgeledger.probe.agent.check.BaseCheck;
import io.edgeledger.probe.agent.check.Sender;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code system}: Datadog's core system metrics from procfs: {@code system.cpu.*} (percent of the interval, from two
 * runs, so the first run sends none), {@code system.load.{1,5,15}} and {@code system.load.norm.*},
 * {@code system.mem.*} (MiB, as Datadog), {@code system.disk.*} (KiB, per device) and {@code system.net.*} (per
 * interface: bytes as rates, packets and errors as monotonic counts). {@code init_config.procfs_path} points
 * elsewhere than /proc (a container's host /proc, or a test's).
 */
public final class SystemCheck extends BaseCheck {
    public static final String NAME = "system";
    private static final Set<String> PSEUDO_FS = Set.of("proc", "sysfs", "tmpfs", "devtmpfs", "devpts", "cgroup",
            "cgroup2", "squashfs", "nsfs", "securityfs", "debugfs", "tracefs", "pstore", "bpf", "mqueue",
            "hugetlbfs", "fusectl", "configfs", "autofs", "binfmt_misc", "rpc_pipefs", "ramfs", "efivarfs");

    private Path proc;
    private boolean disks;
    private long[] previousCpu;

    public SystemCheck() {
        super(NAME);
    }

    @Override
    protected void configureInstance(ConfigNode initConfig, ConfigNode instance) throws ConfigException {
        proc = Path.of(initConfig.string("procfs_path", "/proc"));
        disks = instance.bool("collect_disk", true);
    }

    @Override
    protected void collect(Sender sender) throws IOException {
        List<String> tags = tags();
        cpu(sender, tags);
        load(sender, tags);
        memory(sender, tags);
        network(sender, tags);
        if (disks) {
            disk(sender, tags);
        }
    }

    private void cpu(Sender sender, List<String> tags) throws IOException {
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        String line = Files.readAllLines(proc.resolve("stat")).stream().filter(l -> l.startsWith("cpu "))
                .findFirst().orElseThrow(() -> new IOException(proc.resolve("stat") + " has no 'cpu' line"));
        String[] f = line.trim().split("\\s+");
        long[] now = new long[8];
        for (int i = 0; i < 8 && i + 1 < f.length; i++) {
            now[i] = Long.parseLong(f[i + 1]);
        }
        long[] before = previousCpu;
        previousCpu = now;
        if (before == null) {
            return;
        }
        long total = 0;
        long[] d = new long[8];
        for (int i = 0; i < 8; i++) {
            d[i] = Math.max(0, now[i] - before[i]);
            total += d[i];
        }
        if (total == 0) {
            return;
        }
        double pct = 100.0 / total;
        sender.gauge("system.cpu.user", (d[0] + d[1]) * pct, tags);
        sender.gauge("system.cpu.system", (d[2] + d[5] + d[6]) * pct, tags);
        sender.gauge("system.cpu.idle", d[3] * pct, tags);
        sender.gauge("system.cpu.iowait", d[4] * pct, tags);
        sender.gauge("system.cpu.stolen", d[7] * pct, tags);
    }

    private void load(Sender sender, List<String> tags) throws IOException {
        String[] f = Files.readString(proc.resolve("loadavg")).trim().split("\\s+");
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        String[] names = {"1", "5", "15"};
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(f[i]);
            sender.gauge("system.load." + names[i], v, tags);
            sender.gauge("system.load.norm." + names[i], v / cores, tags);
        }
    }

    private void memory(Sender sender, List<String> tags) throws IOException {
        Map<String, Long> kb = new HashMap<>();
        for (String l : Files.readAllLines(proc.resolve("meminfo"))) {
            String[] f = l.split("[:\\s]+");
            if (f.length >= 2) {
                kb.put(f[0], Long.parseLong(f[1]));
            }
        }
        long total = kb.getOrDefault("MemTotal", 0L);
        long free = kb.getOrDefault("MemFree", 0L);
        long usable = kb.getOrDefault("MemAvailable",
                free + kb.getOrDefault("Buffers", 0L) + kb.getOrDefault("Cached", 0L));
        sender.gauge("system.mem.total", total / 1024.0, tags);
        sender.gauge("system.mem.free", free / 1024.0, tags);
        sender.gauge("system.mem.used", (total - free) / 1024.0, tags);
        sender.gauge("system.mem.usable", usable / 1024.0, tags);
        if (total > 0) {
            sender.gauge("system.mem.pct_usable", (double) usable / total, tags);
        }
        sender.gauge("system.swap.total", kb.getOrDefault("SwapTotal", 0L) / 1024.0, tags);
        sender.gauge("system.swap.free", kb.getOrDefault("SwapFree", 0L) / 1024.0, tags);
    }

    private void network(Sender sender, List<String> tags) throws IOException {
        Path dev = proc.resolve("net/dev");
        if (!Files.exists(dev)) {
            return;
        }
        // face |bytes packets errs drop fifo frame compressed multicast|bytes packets errs drop ...
        for (String l : Files.readAllLines(dev)) {
            int colon = l.indexOf(':');
            if (colon < 0 || l.contains("|")) {
                continue;
            }
            String iface = l.substring(0, colon).trim();
            String[] f = l.substring(colon + 1).trim().split("\\s+");
            if (iface.equals("lo") || f.length < 16) {
                continue;
            }
            List<String> t = new ArrayList<>(tags);
            t.add("device:" + iface);
            sender.rate("system.net.bytes_rcvd", Double.parseDouble(f[0]), t);
            sender.rate("system.net.bytes_sent", Double.parseDouble(f[8]), t);
            sender.monotonicCount("system.net.packets_in.count", Double.parseDouble(f[1]), t);
            sender.monotonicCount("system.net.packets_in.error", Double.parseDouble(f[2]), t);
            sender.monotonicCount("system.net.packets_out.count", Double.parseDouble(f[9]), t);
            sender.monotonicCount("system.net.packets_out.error", Double.parseDouble(f[10]), t);
        }
    }

    private void disk(Sender sender, List<String> tags) {
        for (FileStore store : FileSystems.getDefault().getFileStores()) {
            if (PSEUDO_FS.contains(store.type())) {
                continue;
            }
            try {
                long total = store.getTotalSpace();
                if (total == 0) {
                    continue;
                }
                long free = store.getUsableSpace();
                List<String> t = new ArrayList<>(tags);
                t.add("device:" + store.name());
                sender.gauge("system.disk.total", total / 1024.0, t);
                sender.gauge("system.disk.free", free / 1024.0, t);
                sender.gauge("system.disk.used", (total - store.getUnallocatedSpace()) / 1024.0, t);
                sender.gauge("system.disk.in_use", (double) (total - free) / total, t);
            } catch (IOException e) {
                warn("disk " + store.name() + ": " + e.getMessage());
            }
        }
    }
}
