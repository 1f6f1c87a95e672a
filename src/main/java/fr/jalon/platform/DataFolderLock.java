package fr.jalon.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data folder for the life of the process, so a second Jalon started on
 * the same folder stops with a clear message instead of a Derby boot error.
 */
public final class DataFolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static DataFolderLock acquire(Path dataFolder) {
    try {
      Files.createDirectories(dataFolder);
      Path file = dataFolder.resolve("jalon.lock");
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = holderOf(channel);
        channel.close();
        throw new StartupException(
            "Le dossier de données "
                + dataFolder
                + " est déjà utilisé par un autre processus Jalon"
                + holder
                + ". Arrêtez-le, ou choisissez un autre dossier avec JALON_DATA.");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new DataFolderLock(channel, lock);
    } catch (IOException e) {
      throw new StartupException("Impossible d'utiliser le dossier de données " + dataFolder + " : " + e.getMessage(), e);
    }
  }

  private static String holderOf(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      int read = channel.read(buffer, 0);
      String pid = read > 0 ? new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim() : "";
      return pid.isEmpty() ? "" : " (processus " + pid + ")";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The process is ending; the operating system releases the lock anyway.
    }
  }
}
