/**
 * The board's dashboard: one read of the grant's figures (planned, committed, paid, received over
 * the years; consumption per category and per action; co-funding ratio; tranches; milestones late
 * and slipping; next reports due; indicators against targets), each linking to the lines behind it.
 * Everything comes from aggregate queries or maintained totals, so its cost does not grow with the
 * number of expenses.
 */
package fr.jalon.dashboard;
