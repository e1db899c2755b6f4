package com.keyaccount.crm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every word a user reads comes from the message bundles: the templates (well-formed XHTML)
 * carry no text and no literal user-facing attribute values.
 */
class TemplateTextTest {

    /** Attributes whose value a user sees or hears (data-confirm is the delete question). */
    static final Set<String> SHOWN_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value", "content",
            "data-confirm");

    @Test
    void templates_contain_no_hard_coded_text() throws Exception {
        List<Path> templates = Templates.all();
        assertThat(templates).hasSizeGreaterThan(5);

        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            problems.addAll(hardCodedText(template.toString(), Templates.read(template)));
        }

        assertThat(problems).as("hard-coded text in templates").isEmpty();
    }

    @Test
    void the_check_reports_literal_text_and_unbound_attributes_but_not_bound_ones() throws Exception {
        String page = """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org"><head><meta name="viewport" content="width=device-width" /></head>
                <body>
                  <p>Hello</p>
                  <input placeholder="Name or code" />
                  <input placeholder="Name" th:placeholder="#{customers.search.placeholder}" />
                  <select th:attr="aria-label=#{customer.tier}" aria-label="Tier"><option value="">-</option></select>
                  <p th:text="#{app.name}">- 2026 -</p>
                </body></html>
                """;

        assertThat(hardCodedText("sample.html", page)).containsExactly(
                "sample.html: text \"Hello\" in <p>",
                "sample.html: <input placeholder=\"Name or code\">");
    }

    static List<String> hardCodedText(String name, String xhtml) throws Exception {
        List<String> problems = new ArrayList<>();
        collect(parse(name, xhtml), name, problems);
        return problems;
    }

    private static Node parse(String name, String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(false);
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        builder.setErrorHandler(null);
        try {
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (Exception e) {
            throw new AssertionError(name + " is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static void collect(Node node, String template, List<String> problems) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            String text = node.getNodeValue();
            if (text.codePoints().anyMatch(Character::isLetter)) {
                problems.add(template + ": text \"" + text.strip() + "\" in <" + node.getParentNode().getNodeName() + ">");
            }
        }
        if (node instanceof Element element) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (isHardCoded(element, attribute)) {
                    problems.add(template + ": <" + element.getTagName() + " " + attribute.getName() + "=\""
                            + attribute.getValue() + "\">");
                }
            }
        }
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            collect(children.item(i), template, problems);
        }
    }

    private static boolean isHardCoded(Element element, Attr attribute) {
        String name = attribute.getName();
        if (!SHOWN_ATTRIBUTES.contains(name) || attribute.getValue().codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        if (name.equals("content") && element.getTagName().equals("meta")) {
            return false;
        }
        boolean boundByThymeleaf = element.hasAttribute("th:" + name)
                || element.getAttribute("th:attr").matches("(?s).*\\b" + name + "\\s*=.*");
        return !boundByThymeleaf;
    }
}
