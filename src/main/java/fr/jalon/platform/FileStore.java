package fr.jalon.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Keeps uploaded and generated files under the data folder: size-limited, typed by content,
 * stored under a generated name with their SHA-256, streamed back as attachments.
 */
@ApplicationScoped
public class FileStore {
  private static final Logger LOG = Logger.getLogger(FileStore.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Settings settings;
  @Inject Clock clock;
  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry") TransactionSynchronizationRegistry transactions;

  /**
   * Stores the stream if it is one of the accepted kinds and within the size limit; otherwise
   * refuses with a {@link RuleViolation} on {@code field}, leaving nothing behind.
   */
  @Transactional
  public StoredFile store(InputStream content, String originalName, Set<FileKind> accepted, String field, String storedBy) {
    return store(content, originalName, accepted, field, storedBy, settings.uploadMaxBytes(), "file.tooLarge");
  }

  /** As {@link #store(InputStream, String, Set, String, String)} with another size limit, refused with {@code tooLargeKey} (its argument: the limit in MB). */
  @Transactional
  public StoredFile store(InputStream content, String originalName, Set<FileKind> accepted, String field, String storedBy, long maxBytes, String tooLargeKey) {
    Path folder = settings.fileStoreFolder();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "upload-", ".part");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size;
      byte[] head = new byte[FileKind.SNIFF_LENGTH];
      int headLength;
      try (InputStream in = new DigestInputStream(content, sha);
          OutputStream out = Files.newOutputStream(temporary)) {
        headLength = in.readNBytes(head, 0, head.length);
        out.write(head, 0, headLength);
        size = headLength;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
          size += read;
          if (size > maxBytes) {
            throw new RuleViolation(field, tooLargeKey, maxBytes / (1024 * 1024));
          }
          out.write(buffer, 0, read);
        }
      }
      if (size == 0) {
        throw new RuleViolation(field, "file.empty");
      }
      FileKind kind = FileKind.detect(head, headLength).filter(accepted::contains).orElseThrow(() -> new RuleViolation(field, "file.wrongType", describe(accepted)));
      String storageName = UUID.randomUUID() + "." + kind.extension();
      Files.move(temporary, folder.resolve(storageName), StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
      StoredFile file = new StoredFile(storageName, cleanName(originalName), contentTypeOf(kind, originalName), size, HexFormat.of().formatHex(sha.digest()), LocalDateTime.now(clock), storedBy);
      em.persist(file);
      em.flush();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // A leftover .part file is harmless and never referenced.
        }
      }
    }
  }

  /**
   * Keeps a file Jalon generated itself (a report): moved in from {@code source}, hashed, with no
   * size limit and no sniffing — its content type is the generator's.
   */
  @Transactional
  public StoredFile storeGenerated(Path source, String fileName, String contentType, String storedBy) {
    Path folder = settings.fileStoreFolder();
    try {
      Files.createDirectories(folder);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "bin";
      String storageName = UUID.randomUUID() + "." + extension;
      long size = Files.size(source);
      Files.move(source, folder.resolve(storageName), StandardCopyOption.REPLACE_EXISTING);
      StoredFile file = new StoredFile(storageName, cleanName(fileName), contentType, size, HexFormat.of().formatHex(sha.digest()), LocalDateTime.now(clock), storedBy);
      em.persist(file);
      em.flush();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Forgets a file no longer referenced (a regenerated report's earlier files): its row goes with
   * the caller's transaction, the file on disk once that transaction has committed — a rollback
   * keeps both. Without a container transaction (tests) the file goes at once.
   */
  public void discard(StoredFile file) {
    Path path = pathOf(file);
    em.remove(file);
    if (transactions == null || transactions.getTransactionKey() == null) {
      deleteQuietly(path);
      return;
    }
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {
        // Nothing before: the file stays until the row's removal is committed.
      }

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          deleteQuietly(path);
        }
      }
    });
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Unreferenced now: a leftover is harmless, only disk space.
      LOG.warning(() -> "Fichier " + path + " non supprimé : " + e.getMessage());
    }
  }

  public StoredFile find(long id) {
    StoredFile file = em.find(StoredFile.class, id);
    if (file == null) {
      throw new NotFoundException(Messages.get("file.notFound"));
    }
    return file;
  }

  public Path pathOf(StoredFile file) {
    return settings.fileStoreFolder().resolve(file.storageName());
  }

  /** True when the file on disk still has the SHA-256 recorded when it was stored. */
  public boolean verify(StoredFile file) {
    try (InputStream in = Files.newInputStream(pathOf(file))) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        sha.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(sha.digest()).equals(file.sha256());
    } catch (IOException e) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file as a streamed download ({@code Content-Disposition: attachment}). */
  public Response download(StoredFile file) {
    Path path = pathOf(file);
    StreamingOutput body = out -> Files.copy(path, out);
    return Response.ok(body, file.contentType())
        .header("Content-Disposition", attachment(file.originalName()))
        .header("Content-Length", file.sizeBytes())
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** A Content-Disposition value that survives accents in the name (RFC 6266). */
  public static String attachment(String fileName) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String cleanName(String name) {
    String base = name == null ? "fichier" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).strip();
    return base.isEmpty() ? "fichier" : base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  private static String contentTypeOf(FileKind kind, String name) {
    if (kind != FileKind.OFFICE_DOCUMENT && kind != FileKind.LEGACY_OFFICE_DOCUMENT && kind != FileKind.TEXT) {
      return kind.contentType();
    }
    String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (lower.endsWith(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (lower.endsWith(".pptx")) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    if (lower.endsWith(".odt")) return "application/vnd.oasis.opendocument.text";
    if (lower.endsWith(".ods")) return "application/vnd.oasis.opendocument.spreadsheet";
    if (lower.endsWith(".doc")) return "application/msword";
    if (lower.endsWith(".xls")) return "application/vnd.ms-excel";
    if (lower.endsWith(".csv")) return "text/csv";
    return kind == FileKind.TEXT ? "text/plain" : "application/octet-stream";
  }

  private static String describe(Set<FileKind> accepted) {
    return String.join(", ", accepted.stream().map(k -> Messages.get("file.kind." + k.name())).sorted().toList());
  }
}
