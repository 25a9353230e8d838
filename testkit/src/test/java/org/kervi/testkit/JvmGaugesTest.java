package org.kervi.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** How the gauges read {@code jcmd GC.heap_info} and {@code /proc} (unit test, no Karaf). */
public class JvmGaugesTest {
    @Test
    public void serialGcAddsBothGenerationsAndLeavesMetaspaceOut() {
        String info = """
                30447:
                 def new generation   total 19648K, used 120K [0x00000000fc000000, 0x00000000fd550000, 0x00000000fd550000)
                  eden space 17472K,   0% used [0x00000000fc000000, 0x00000000fc000000, 0x00000000fd110000)
                  from space 2176K,   0% used [0x00000000fd110000, 0x00000000fd110000, 0x00000000fd330000)
                  to   space 2176K,   0% used [0x00000000fd330000, 0x00000000fd330000, 0x00000000fd550000)
                 tenured generation   total 43712K, used 2243K [0x00000000fd550000, 0x0000000100000000, 0x0000000100000000)
                   the space 43712K,   5% used [0x00000000fd550000, 0x00000000fd780dc8, 0x00000000fd780e00, 0x0000000100000000)
                 Metaspace       used 8966K, committed 9216K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertEquals(120 + 2243, JvmGauges.heapUsedKiB(info));
    }

    @Test
    public void g1HasOneHeapLine() {
        String info = """
                4711:
                 garbage-first heap   total 131072K, used 23456K [0x0000000082000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 8966K, committed 9216K, reserved 1114112K
                """;
        assertEquals(23456, JvmGauges.heapUsedKiB(info));
    }

    @Test
    public void textWithoutFiguresIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JvmGauges.heapUsedKiB("4711:\nCommand executed successfully\n"));
        assertTrue(e.getMessage(), e.getMessage().contains("no heap figures"));
    }

    @Test
    public void thisJvmHasDescriptorsOpen() {
        assertTrue(JvmGauges.openFileDescriptors(ProcessHandle.current().pid()) > 2);
    }
}
