package io.emolens.classify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.emolens.core.EmolensException;

/**
 * The zip of an ensemble model: one stored DL4J network file per member, under the entry names its
 * {@link EnsembleSpec} lists. Entries are read into memory and checked against the listed SHA-256, never
 * extracted to disk by name; an entry that is missing, unlisted, repeated, too large or altered is refused.
 */
final class EnsembleFiles {
    /** No member network of Emolens comes near this; a larger entry is refused rather than read. */
    static final long MAX_ENTRY_BYTES = 512L << 20;

    private EnsembleFiles() {
    }

    /** The members' network files, in {@code spec.members()} order. */
    static List<byte[]> read(Path zip, EnsembleSpec spec) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (spec.members().stream().noneMatch(m -> m.entry().equals(name))) {
                    throw new EmolensException(zip + " holds '" + name + "', which its metadata does not list as a member. The file is not the ensemble its metadata describes.");
                }
                if (found.containsKey(name)) {
                    throw new EmolensException(zip + " holds the member entry " + name + " twice.");
                }
                found.put(name, readLimited(in, zip, name));
            }
        } catch (IOException e) {
            throw new EmolensException(zip + " is not a readable ensemble zip (" + e.getMessage() + "). The file may be damaged or incomplete.", e);
        }
        List<byte[]> out = new ArrayList<>();
        for (EnsembleMember m : spec.members()) {
            byte[] bytes = found.get(m.entry());
            if (bytes == null) {
                throw new EmolensException(zip + " lacks the member " + m.entry() + " that its metadata lists. The file may be incomplete.");
            }
            if (!sha256(bytes).equals(m.sha256())) {
                throw new EmolensException(zip + ": member " + m.entry() + " does not match the checksum in its metadata (" + m.sha256()
                        + "). The file was altered or belongs to other metadata.");
            }
            out.add(bytes);
        }
        return out;
    }

    /** Writes the members' network files under their entry names into {@code zip}. */
    static void write(Path zip, EnsembleSpec spec, List<byte[]> members) throws IOException {
        if (members.size() != spec.members().size()) {
            throw new IllegalArgumentException(members.size() + " member files for " + spec.members().size() + " listed members");
        }
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(1);
            for (int i = 0; i < members.size(); i++) {
                out.putNextEntry(new ZipEntry(spec.members().get(i).entry()));
                out.write(members.get(i));
                out.closeEntry();
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readLimited(InputStream in, Path zip, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_ENTRY_BYTES) {
                throw new EmolensException(zip + ": member " + name + " is larger than " + (MAX_ENTRY_BYTES >> 20) + " MiB; refusing to read it.");
            }
        }
        return out.toByteArray();
    }
}
