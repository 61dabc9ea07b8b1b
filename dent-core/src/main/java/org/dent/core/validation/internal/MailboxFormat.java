package org.dent.core.validation.internal;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.regex.Pattern;

/**
 * The JSON Schema {@code email} format as RFC 5321 defines a Mailbox: syntax only. networknt's built-in check
 * also demands a top-level domain from its own list, which refuses reserved names such as {@code .example}
 * (RFC 2606) that are valid mailboxes; this one checks the grammar and nothing else.
 */
public final class MailboxFormat implements Format {
  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
  private static final String DOT_ATOM = ATEXT + "+(?:\\." + ATEXT + "+)*";
  private static final String QUOTED = "\"(?:[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*\"";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final String DOMAIN = LABEL + "(?:\\." + LABEL + ")*";
  private static final String LITERAL = "\\[(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|IPv6:[0-9A-Fa-f:.]+)\\]";
  private static final Pattern MAILBOX =
      Pattern.compile("(?:" + DOT_ATOM + "|" + QUOTED + ")@(?:" + DOMAIN + "|" + LITERAL + ")");

  @Override
  public String getName() {
    return "email";
  }

  @Override
  public String getMessageKey() {
    return "format.email";
  }

  @Override
  public boolean matches(ExecutionContext context, String value) {
    int at = value.lastIndexOf('@');
    return at > 0 && at <= 64 && value.length() - at - 1 <= 255 && MAILBOX.matcher(value).matches();
  }
}
