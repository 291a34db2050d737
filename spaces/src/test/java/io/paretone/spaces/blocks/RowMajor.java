package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Test helper: whether PyTorch holds an array in row-major order (DJL's API does not say). */
final class RowMajor {
    private RowMajor() {}

    static boolean is(NDArray a) {
        try {
            Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
            Field lib = library.getDeclaredField("LIB");
            lib.setAccessible(true);
            Method contiguous = library.getDeclaredMethod("torchIsContiguous", long.class);
            contiguous.setAccessible(true);
            return (Boolean) contiguous.invoke(lib.get(null), ((PtNDArray) a).getHandle());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask PyTorch whether an array is contiguous", e);
        }
    }
}
