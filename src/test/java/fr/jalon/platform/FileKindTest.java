package fr.jalon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileKindTest {
  private static Optional<FileKind> detect(byte[] bytes) {
    return FileKind.detect(bytes, bytes.length);
  }

  @Test
  void recognisesDocumentsByTheirFirstBytes() {
    assertThat(detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(FileKind.PDF);
    assertThat(detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains(FileKind.PNG);
    assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(FileKind.JPEG);
    assertThat(detect(new byte[] {'P', 'K', 3, 4, 20, 0})).contains(FileKind.OFFICE_DOCUMENT);
    assertThat(detect("JournalCode;JournalLib\r\nHA;Achats\r\n".getBytes(StandardCharsets.ISO_8859_1))).contains(FileKind.TEXT);
  }

  @Test
  void anExecutableRenamedAsAPdfIsNotRecognised() {
    assertThat(detect(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0})).isEmpty();
    assertThat(detect(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).isEmpty();
    assertThat(detect("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }
}
