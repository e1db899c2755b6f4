/**
 * What instances keep in memory between requests, and the numbers in the database that tell every
 * instance when a change has made it stale ({@link com.keyaccount.crm.kept.FigureVersion}).
 */
package com.keyaccount.crm.kept;
