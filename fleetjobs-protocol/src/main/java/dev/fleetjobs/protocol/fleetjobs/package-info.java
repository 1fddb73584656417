/**
 * Fleetjobs' own wire shapes, beyond the AWS models: the routes under {@code /_fleetjobs/} and
 * the {@code fleetjobs} member that DescribeJob and DescribeJobTemplate add to AWS's shapes.
 * AWS clients ignore members they do not know, so they keep parsing every answer. Times are
 * epoch seconds with a fraction, as on the control plane.
 */
package dev.fleetjobs.protocol.fleetjobs;
