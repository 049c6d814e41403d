package io.edgeledger.api.snapstart;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart's priming, run only when a snapshot is about to be taken: loads and initializes the classes the build
 * listed as the application's ({@value #CLASS_LIST}), so they are in the snapshot rather than loaded on the first event
 * after a restore. Quarkus' own switch (quarkus.snapstart.preload-classes) does the same in static init, i.e. on every
 * start, so on-demand starts, {@code api serve} and the custom runtime paid ~300 class initializations that a
 * GET /health never needs (bench/lambda/README.md). The Lambda runtime calls {@link #beforeCheckpoint} only for a
 * SnapStart init ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); elsewhere org.crac's registry is a no-op.
 */
@Singleton
public class SnapStartPriming implements Resource {
    /** Written by the Quarkus build (quarkus.snapstart.generate-application-class-list). */
    static final String CLASS_LIST = "META-INF/quarkus-generated-preload-classes.txt";
    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    /** org.crac may hold resources weakly: this keeps ours alive for the life of the container. */
    private static SnapStartPriming registered;

    /** Quarkus starts completely during the Lambda init (its SnapStart full warm-up), so this runs before the hooks. */
    void register(@Observes StartupEvent started) {
        synchronized (SnapStartPriming.class) {
            if (registered == null) {
                registered = this;
                Core.getGlobalContext().register(this);
            }
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        int loaded = preload(Thread.currentThread().getContextClassLoader());
        LOG.infof("SnapStart priming: %d application classes loaded and initialized before the snapshot", loaded);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to redo: the classes stay loaded in the restored snapshot
    }

    /** Loads and initializes every class the lists name; one that fails to load is skipped (it fails later, where used). */
    static int preload(ClassLoader loader) {
        int loaded = 0;
        try {
            for (Enumeration<URL> lists = loader.getResources(CLASS_LIST); lists.hasMoreElements(); ) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String name = in.readLine(); name != null; name = in.readLine()) {
                        if (!name.isBlank() && initialize(name.trim(), loader)) {
                            loaded++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASS_LIST, e);
        }
        return loaded;
    }

    private static boolean initialize(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
