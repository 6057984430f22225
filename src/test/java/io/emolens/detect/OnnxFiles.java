package io.emolens.detect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-encoded ONNX files for testing what the YuNet loader does with a valid model that is not YuNet. */
final class OnnxFiles {
    private OnnxFiles() {
    }

    /** A valid ONNX model (IR 7, opset 13) whose one Identity node passes a 1x3x64x64 float tensor through. */
    static byte[] identityModel() {
        byte[] node = concat(string(1, "x"), string(2, "y"), string(4, "Identity"));
        byte[] graph = concat(message(1, node), string(2, "identity"), message(11, valueInfo("x")), message(12, valueInfo("y")));
        byte[] opset = concat(varintField(2, 13));
        return concat(varintField(1, 7), message(7, graph), message(8, opset));
    }

    private static byte[] valueInfo(String name) {
        ByteArrayOutputStream dims = new ByteArrayOutputStream();
        for (int d : new int[] {1, 3, 64, 64}) {
            dims.writeBytes(message(1, varintField(1, d)));
        }
        byte[] tensor = concat(varintField(1, 1), message(2, dims.toByteArray()));
        return concat(string(1, name), message(2, message(1, tensor)));
    }

    private static byte[] string(int field, String value) {
        return message(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] message(int field, byte[] body) {
        return concat(varint(field << 3 | 2), varint(body.length), body);
    }

    private static byte[] varintField(int field, long value) {
        return concat(varint(field << 3), varint(value));
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
