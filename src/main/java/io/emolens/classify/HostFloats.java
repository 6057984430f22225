package io.emolens.classify;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Bulk copies between small float INDArrays (per-channel statistics, per-row scalars) and Java arrays.
 * <p>
 * Why: ND4J's {@code toFloatVector}, {@code putScalar} and {@code createFromArray} go element by element or build new
 * arrays (0.1–0.3 ms each); a batch-norm layer makes about ten such transfers per training step, which at the small
 * maps of the default network's last blocks cost more than the arithmetic. A contiguous float array's native memory
 * is read and written here as one {@link FloatBuffer} copy; anything else falls back to ND4J's element-wise calls.
 */
final class HostFloats {
    private HostFloats() {
    }

    static float[] read(INDArray array) {
        FloatBuffer buffer = view(array);
        if (buffer == null) {
            return array.toFloatVector();
        }
        float[] values = new float[Math.toIntExact(array.length())];
        buffer.get(values);
        return values;
    }

    static void write(INDArray array, float[] values) {
        if (values.length != array.length()) {
            throw new IllegalArgumentException(values.length + " values for an array of " + array.length());
        }
        FloatBuffer buffer = view(array);
        if (buffer == null) {
            for (int i = 0; i < values.length; i++) {
                array.putScalar(i, values[i]);
            }
        } else {
            buffer.put(values);
        }
    }

    /** The array's elements as a buffer positioned at its first one, or null unless it is a contiguous float array. */
    private static FloatBuffer view(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.data().offset() != 0 || array.ordering() != 'c'
                || !Shape.hasDefaultStridesForShape(array) || array.offset() + array.length() > Integer.MAX_VALUE) {
            return null;
        }
        FloatBuffer buffer = array.data().asNioFloat();
        buffer.position(Math.toIntExact(array.offset()));
        return buffer;
    }
}
