package fr.jalon.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file Jalon accepts, recognised by their first bytes, never by their name: an
 * executable renamed {@code facture.pdf} is refused.
 */
public enum FileKind {
  PDF("application/pdf", "pdf"),
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  /** Word, Excel, PowerPoint since 2007 and OpenDocument: ZIP containers. */
  OFFICE_DOCUMENT("application/zip", "zip"),
  /** Word, Excel before 2007 (OLE2 compound files). */
  LEGACY_OFFICE_DOCUMENT("application/x-ole-storage", "doc"),
  /** Plain text, CSV and FEC exports: no control bytes beyond tab and line ends. */
  TEXT("text/plain", "txt");

  private final String contentType;
  private final String extension;

  FileKind(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** Bytes needed to recognise a kind. */
  public static final int SNIFF_LENGTH = 512;

  public static Optional<FileKind> detect(byte[] head, int length) {
    byte[] h = Arrays.copyOf(head, Math.min(length, head.length));
    if (startsWith(h, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(PDF);
    }
    if (startsWith(h, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Optional.of(PNG);
    }
    if (startsWith(h, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of(JPEG);
    }
    if (startsWith(h, new byte[] {'P', 'K', 0x03, 0x04})) {
      return Optional.of(OFFICE_DOCUMENT);
    }
    if (startsWith(h, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})) {
      return Optional.of(LEGACY_OFFICE_DOCUMENT);
    }
    if (h.length > 0 && isText(h)) {
      return Optional.of(TEXT);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Scripts ("#!") and binaries are not text, whatever their name says. */
  private static boolean isText(byte[] data) {
    if (data.length >= 2 && data[0] == '#' && data[1] == '!') {
      return false;
    }
    for (byte b : data) {
      int c = b & 0xFF;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C) {
        return false;
      }
    }
    return true;
  }
}
