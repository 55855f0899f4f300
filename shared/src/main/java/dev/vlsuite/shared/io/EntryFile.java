package dev.vlsuite.shared.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The container under every bundle and checkpoint: named byte entries in one file, followed by the
 * SHA-256 of every byte before it. Unlike a zip, no header byte escapes the checksum, so any flipped
 * byte is caught. Layout: magic "VLSUITE\0", int format version, int entry count, then per entry
 * (UTF name, long length, bytes), then 32 bytes of SHA-256.
 */
final class EntryFile {
    static final byte[] MAGIC = "VLSUITE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_ENTRIES = 10_000;

    private EntryFile() {}

    /** Writes atomically (temp + rename). */
    static void write(Path file, int formatVersion, Map<String, byte[]> entries) throws IOException {
        AtomicFiles.write(file, raw -> {
            MessageDigest sha = sha256();
            var buffered = new java.io.BufferedOutputStream(raw, 1 << 16);
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(buffered, sha));
            out.write(MAGIC);
            out.writeInt(formatVersion);
            out.writeInt(entries.size());
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().length);
                out.write(e.getValue());
            }
            out.flush();
            buffered.write(sha.digest()); // the checksum itself is not digested
            buffered.flush();
        });
    }

    /** The parsed file: its format version and entries, in written order. */
    record Parsed(int formatVersion, Map<String, byte[]> entries) {}

    /**
     * Reads and verifies a file written by {@link #write}. The version is checked before the checksum so
     * that a file from a newer vlsuite is reported as such rather than as corrupt.
     */
    static Parsed read(Path file, int newestSupportedVersion) throws IOException {
        if (!Files.isRegularFile(file)) throw new BundleException(file, "no such file");
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + 8 + 32 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new BundleException(file, "not a vlsuite model bundle or checkpoint");
        }
        int version = java.nio.ByteBuffer.wrap(all, MAGIC.length, 4).getInt();
        if (version > newestSupportedVersion || version < 1) {
            throw new BundleException(file, "format version " + version + " is not supported (this vlsuite reads up to "
                    + newestSupportedVersion + "; a newer vlsuite wrote it)");
        }
        int body = all.length - 32;
        MessageDigest sha = sha256();
        sha.update(all, 0, body);
        if (!MessageDigest.isEqual(sha.digest(), Arrays.copyOfRange(all, body, all.length))) {
            throw new BundleException(file, "checksum mismatch (SHA-256): the file is corrupt or truncated");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, body))) {
            in.skipNBytes(MAGIC.length + 4);
            int count = in.readInt();
            if (count < 0 || count > MAX_ENTRIES) throw new BundleException(file, "bad entry count " + count);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long length = in.readLong();
                if (length < 0 || length > in.available()) throw new BundleException(file, "entry '" + name + "' overruns the file");
                entries.put(name, in.readNBytes((int) length));
            }
            return new Parsed(version, entries);
        } catch (EOFException e) {
            throw new BundleException(file, "truncated entry table", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }


    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
