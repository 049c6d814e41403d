package io.edgeledger.ledger.store.s3;

import io.edgeledger.ledger.store.LedgerStoreException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The bits of S3's XML answers the ledger reads: list pages and error codes. No DTDs, no external entities. */
final class S3Xml {
    private static final XMLInputFactory FACTORY = factory();

    private S3Xml() {}

    /** One ListObjectsV2 page: its keys and the token of the next page (null on the last). */
    record ListPage(List<String> keys, String nextToken) {}

    static ListPage listPage(byte[] xml) {
        List<String> keys = new ArrayList<>();
        String next = null;
        boolean truncated = false;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "Key" -> keys.add(r.getElementText());
                        case "NextContinuationToken" -> next = r.getElementText();
                        case "IsTruncated" -> truncated = Boolean.parseBoolean(r.getElementText().trim());
                        default -> { }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new LedgerStoreException("S3 answered a listing that is not XML: " + e.getMessage(), e);
        }
        if (truncated && next == null) {
            throw new LedgerStoreException("S3 said the listing is truncated but gave no continuation token");
        }
        return new ListPage(keys, truncated ? next : null);
    }

    /** {@code <Error><Code>} of an error body, or null when there is none. */
    static String errorCode(byte[] xml) {
        return element(xml, "Code");
    }

    static String errorMessage(byte[] xml) {
        return element(xml, "Message");
    }

    private static String element(byte[] xml, String name) {
        if (xml == null || xml.length == 0) {
            return null;
        }
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(name)) {
                    return r.getElementText();
                }
            }
        } catch (XMLStreamException e) {
            return null; // not XML (a proxy's HTML page, say): the status code alone has to do
        }
        return null;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
