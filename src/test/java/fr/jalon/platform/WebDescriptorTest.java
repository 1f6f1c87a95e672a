package fr.jalon.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.ApplicationPath;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** The start-up choices web.xml makes (see its comments), and that they agree with the code. */
class WebDescriptorTest {
  private static Document webXml;
  private static XPath xpath;

  @BeforeAll
  static void read() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    webXml = factory.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
    xpath = XPathFactory.newInstance().newXPath();
  }

  private static Node node(String expression) throws Exception {
    return (Node) xpath.evaluate(expression, webXml, XPathConstants.NODE);
  }

  private static String text(String expression) throws Exception {
    return xpath.evaluate(expression, webXml).trim();
  }

  @Test
  void theRestApiStartsAtItsFirstCallOnTheApplicationPath() throws Exception {
    String servlet = "/web-app/servlet[servlet-name='" + RestApplication.class.getName() + "']";
    assertNotNull(node(servlet), "the REST servlet must be declared under the application's class name");
    assertNull(node(servlet + "/load-on-startup"), "no load-on-startup: Jersey starts at the first /api call");
    assertEquals("org.glassfish.jersey.servlet.ServletContainer", text(servlet + "/servlet-class"));
    // A mapping in web.xml wins over @ApplicationPath: both must say the same.
    String mapping = text("/web-app/servlet-mapping[servlet-name='" + RestApplication.class.getName() + "']/url-pattern");
    assertEquals("/" + RestApplication.class.getAnnotation(ApplicationPath.class).value() + "/*", mapping);
  }

  @Test
  void facesArtifactsFromConfigurationFilesAreNotCdiInjectionTargets() throws Exception {
    assertEquals(
        "com.sun.faces.vendor.WebContainerInjectionProvider",
        text("/web-app/context-param[param-name='com.sun.faces.injectionProvider']/param-value"));
  }
}
