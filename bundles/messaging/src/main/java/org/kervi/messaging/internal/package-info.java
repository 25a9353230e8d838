/** Messaging channels for the user log: email over SMTP and webhooks, one factory configuration each. */
package org.kervi.messaging.internal;
