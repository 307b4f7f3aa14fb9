package trailmap.maps.render;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads rendered SVG back with the JDK's XML parser, for the tests. */
final class SvgReading {
  private SvgReading() {}

  static Document parse(byte[] svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
  }

  /** Every element named {@code tag}, in document order. */
  static List<Element> elements(Document document, String tag) {
    NodeList nodes = document.getElementsByTagNameNS(MapSvg.SVG_NAMESPACE, tag);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  /** The text elements of one class, e.g. {@code touchpoint}. */
  static List<Element> texts(Document document, TextStyle style) {
    return elements(document, "text").stream()
        .filter(e -> e.getAttribute("class").equals(style.cssClass()))
        .toList();
  }

  /** The lines of all text elements of one class, joined with spaces. */
  static String joined(Document document, TextStyle style) {
    return String.join(" ", texts(document, style).stream().map(Element::getTextContent).toList());
  }
}
