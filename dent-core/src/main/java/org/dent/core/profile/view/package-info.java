/**
 * Typed views of the DENT energy-storage profile's structures: records that read a Beckn model object (a search
 * intent, a catalog item, a tag group, a quote) into exact typed values and write it back, so that reading a
 * worked message and writing it again gives the same JSON. Readers ({@code from}, {@code in}) throw
 * {@link org.dent.core.profile.ProfileException} (code {@code 30000}) with a JSON pointer relative to the object
 * read; constructors enforce the profile's rules, so every instance is valid. Everything here is immutable and
 * non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
package org.dent.core.profile.view;
