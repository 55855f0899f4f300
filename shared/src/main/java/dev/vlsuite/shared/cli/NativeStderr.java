package dev.vlsuite.shared.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Keeps native libraries' own messages off the console: libpng ("libpng error: bad adaptive filter value"),
 * libjpeg ("Corrupt JPEG data: ..."), OpenCV's and FFmpeg's logs and libtorch's warnings all write straight
 * to file descriptor 2, below anything Java can filter, and no per-codec switch silences all of them.
 * {@link #silence} points fd 2 at /dev/null and gives {@code System.err} a duplicate of the original stderr,
 * so the tool's own lines (and the progress bar) still reach the user. Only tools call it, from
 * {@link Tools#main} and never with --verbose; a library must not take an embedding application's stderr.
 */
public final class NativeStderr {
    private static final int O_WRONLY = 1;
    private static volatile boolean silenced;

    /** The few POSIX calls needed, through JNA (already on the class path with DJL). */
    interface LibC extends Library {
        int dup(int fd);

        int dup2(int oldFd, int newFd);

        int open(String path, int flags);

        int close(int fd);

        long write(int fd, byte[] buffer, long count);
    }

    private NativeStderr() {}

    /** Whether {@link #silence} has taken effect in this process. */
    public static boolean silenced() {
        return silenced;
    }

    /** Best effort: where the C library is not reachable (not POSIX), nothing changes. Idempotent. */
    public static synchronized void silence() {
        if (silenced) return;
        try {
            LibC c = Native.load("c", LibC.class);
            System.err.flush();
            int saved = c.dup(2);
            if (saved < 0) return;
            int devNull = c.open("/dev/null", O_WRONLY);
            if (devNull < 0 || c.dup2(devNull, 2) < 0) {
                c.close(saved);
                return;
            }
            c.close(devNull);
            System.setErr(new PrintStream(new BufferedOutputStream(new FdStream(c, saved), 1 << 13), true));
            silenced = true;
        } catch (LinkageError | RuntimeException notPosix) {
            // no libc through JNA: native messages stay visible, which is only cosmetic
        }
    }

    /** An OutputStream on a raw descriptor (Java cannot open a FileDescriptor by number). */
    private static final class FdStream extends OutputStream {
        private final LibC c;
        private final int fd;

        FdStream(LibC c, int fd) {
            this.c = c;
            this.fd = fd;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            byte[] rest = off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len);
            for (int tries = 0; rest.length > 0; ) {
                long n = c.write(fd, rest, rest.length);
                if (n < 0) {
                    if (++tries > 3) throw new IOException("cannot write to stderr (fd " + fd + ")");
                    continue;                                   // EINTR: try again
                }
                rest = Arrays.copyOfRange(rest, (int) n, rest.length);
            }
        }
    }
}
