/** Action links, schedules, range events and the user log; private to the bundle. */
package org.kervi.automation.internal;
