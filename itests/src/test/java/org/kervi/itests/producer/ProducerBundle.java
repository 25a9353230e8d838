package org.kervi.itests.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.kervi.api.components.KerviComponent;

/**
 * Writes a bundle with a test component ({@link RateProducer} unless told otherwise) as a Declarative Services
 * component (a {@code KerviComponent} service), for a test to drop into an instance's {@code deploy/} folder.
 */
public final class ProducerBundle {
    private static final String COMPONENT_XML = "OSGI-INF/producer.xml";

    private ProducerBundle() {}

    public static Path write(Path jar) {
        return write(jar, RateProducer.class);
    }

    /** A bundle named after {@code component} with its class and its superclasses of this package in it. */
    public static Path write(Path jar, Class<? extends KerviComponent> component) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", component.getName());
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "org.kervi.api.actions,org.kervi.api.components,org.kervi.api.values");
        main.putValue("Service-Component", COMPONENT_XML);
        String descriptor = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" immediate="true">
                  <implementation class="%s"/>
                  <service><provide interface="org.kervi.api.components.KerviComponent"/></service>
                </scr:component>
                """.formatted(component.getName(), component.getName());
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file,
                    manifest)) {
                for (Class<?> c = component; c.getPackage().equals(ProducerBundle.class.getPackage());
                        c = c.getSuperclass()) {
                    addClass(out, c);
                }
                out.putNextEntry(new JarEntry(COMPONENT_XML));
                out.write(descriptor.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
        return jar;
    }

    private static void addClass(JarOutputStream out, Class<?> c) throws IOException {
        String classFile = c.getName().replace('.', '/') + ".class";
        try (InputStream classBytes = c.getClassLoader().getResourceAsStream(classFile)) {
            if (classBytes == null) {
                throw new IllegalStateException("no " + classFile + " on the test class path");
            }
            out.putNextEntry(new JarEntry(classFile));
            classBytes.transferTo(out);
        }
    }
}
