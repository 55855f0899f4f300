package dev.vlsuite.captioning.api;

import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** The captioning module's decoders (show-tell, soft, hard), built from a config by model.CaptionNets. */
final class BuiltInNets {
    private BuiltInNets() {}

    static CaptionNet create(CaptionConfig config, ai.djl.ndarray.NDManager manager) {
        // looked up by name until the model package lands on this branch; then this becomes CaptionNets.create(config)
        try {
            Class<?> nets = Class.forName("dev.vlsuite.captioning.model.CaptionNets");
            Method create = nets.getMethod("createInitialized", CaptionConfig.class, ai.djl.ndarray.NDManager.class);
            return (CaptionNet) create.invoke(null, config, manager);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("this build has no caption decoders (dev.vlsuite.captioning.model.CaptionNets)", e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
