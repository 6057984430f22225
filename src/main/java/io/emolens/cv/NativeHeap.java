package io.emolens.cv;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.bytedeco.javacpp.Pointer;

/**
 * The C heap that OpenCV, FFmpeg and ND4J allocate from. glibc keeps what they free in its arenas for reuse and returns
 * only the top of each to the system, so per-frame buffers of varying sizes (network blobs, decoded pictures) leave
 * hundreds of megabytes resident that nothing uses; {@link #trim} gives those free pages back. It calls JavaCPP's own
 * binding of {@code malloc_trim(0)} (private in JavaCPP 1.5.10, where its deallocator thread uses it), so no C library
 * binding is added; where that binding is missing, trimming does nothing.
 */
public final class NativeHeap {
    private static final MethodHandle TRIM = find();

    private NativeHeap() {
    }

    /** Returns the C heap's free pages to the system; takes about a millisecond. Whether it could. */
    public static boolean trim() {
        if (TRIM == null) {
            return false;
        }
        try {
            return (boolean) TRIM.invokeExact();
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle find() {
        try {
            var method = Pointer.class.getDeclaredMethod("trimMemory");
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            return handle.type().equals(MethodType.methodType(boolean.class)) ? handle : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
