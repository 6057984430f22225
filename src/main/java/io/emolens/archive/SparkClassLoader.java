package io.emolens.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Enumeration;

/**
 * Spark's jars in a class loader of their own, child first: a class or resource found in them is theirs (Spark 3.5's
 * Jackson 2.15 and slf4j 2 beside the app's Jackson 2.18 and slf4j 1.7), anything else comes from the app. The classes
 * of {@code io.emolens.archive.spark}, which call Spark, are defined here from the app's own bytes so that they see
 * these jars; every other Emolens class stays the app's, so objects cross between the two unchanged.
 */
final class SparkClassLoader extends URLClassLoader {
    static final String OWN_PACKAGE = "io.emolens.archive.spark.";

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader app;
    private final ProtectionDomain domain;

    SparkClassLoader(URL[] sparkJars, ClassLoader app) {
        super("emolens-spark", sparkJars, app);
        this.app = app;
        this.domain = new ProtectionDomain(new CodeSource(SparkClassLoader.class.getProtectionDomain().getCodeSource().getLocation(),
                (java.security.cert.Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (name.startsWith(OWN_PACKAGE)) {
                    c = defineOwn(name);
                } else if (name.startsWith("java.") || name.startsWith("io.emolens.")) {
                    c = app.loadClass(name);
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = app.loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        try (InputStream in = app.getResourceAsStream(path)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            String pkg = name.substring(0, name.lastIndexOf('.'));
            if (getDefinedPackage(pkg) == null) {
                definePackage(pkg, null, null, null, null, null, null, null);
            }
            return defineClass(name, bytes, 0, bytes.length, domain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : app.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> own = findResources(name);
        return own.hasMoreElements() ? own : app.getResources(name);
    }

}
