import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './layout';
import { HomePage } from './routes/home';
import { InstitutionsPage } from './routes/institutions';
import { NotFoundPage } from './routes/not-found';
import { RotationsPage } from './routes/rotations';
import { RouteError } from './routes/route-error';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'rotations', element: <RotationsPage /> },
      { path: 'institutions', element: <InstitutionsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
