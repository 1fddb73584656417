package dev.fleetjobs.server.s3;

import dev.fleetjobs.server.artifacts.ArtifactError;
import dev.fleetjobs.server.artifacts.MultipartUploads;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** S3's XML: a small writer for the answers and a hardened reader for the two request bodies that are XML. */
final class S3Xml {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    private S3Xml() {
    }

    static S3Xml document() {
        return new S3Xml();
    }

    S3Xml open(String element) {
        out.append('<').append(element).append('>');
        return this;
    }

    /** The root element, in S3's namespace. */
    S3Xml root(String element) {
        out.append('<').append(element).append(" xmlns=\"").append(NAMESPACE).append("\">");
        return this;
    }

    S3Xml close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    /** An element with text; nothing when the text is null. */
    S3Xml element(String element, Object text) {
        if (text != null) {
            open(element);
            escape(String.valueOf(text));
            close(element);
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String timestamp(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis));
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** The parts of a CompleteMultipartUpload body, in the order given. */
    static List<MultipartUploads.PartRef> completeParts(byte[] body) {
        Element root = parse(body, "CompleteMultipartUpload");
        List<MultipartUploads.PartRef> parts = new ArrayList<>();
        for (Element part : children(root, "Part")) {
            String number = text(part, "PartNumber");
            String etag = text(part, "ETag");
            int partNumber;
            try {
                partNumber = Integer.parseInt(number == null ? "" : number.trim());
            } catch (NumberFormatException e) {
                throw malformed();
            }
            if (partNumber < 1 || partNumber > MultipartUploads.MAX_PART_NUMBER || etag == null) {
                throw malformed();
            }
            parts.add(new MultipartUploads.PartRef(partNumber, etag));
        }
        return parts;
    }

    /** The keys of a DeleteObjects body and whether it asks for quiet mode. */
    record DeleteRequest(List<String> keys, boolean quiet) {
    }

    static DeleteRequest deleteKeys(byte[] body) {
        Element root = parse(body, "Delete");
        List<String> keys = new ArrayList<>();
        for (Element object : children(root, "Object")) {
            String key = text(object, "Key");
            if (key == null) {
                throw malformed();
            }
            keys.add(key);
        }
        if (keys.isEmpty() || keys.size() > 1000) {
            throw malformed();
        }
        return new DeleteRequest(keys, "true".equalsIgnoreCase(String.valueOf(text(root, "Quiet")).trim()));
    }

    private static Element parse(byte[] body, String rootName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(body));
            Element root = document.getDocumentElement();
            if (!rootName.equals(root.getLocalName())) {
                throw malformed();
            }
            return root;
        } catch (ArtifactError e) {
            throw e;
        } catch (Exception e) {
            throw malformed();
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    private static ArtifactError malformed() {
        return new ArtifactError("MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our"
                + " published schema.");
    }
}
